"""The pages: the policy source read and checked (:mod:`.source`), rendered through ``templates/``
(:mod:`.render`, :mod:`.clause_pages`, :mod:`.amount_tables`, :mod:`.guidance`), fitted to phones and
explained (:mod:`.phone_fit`, :mod:`.glossary`), searched (:mod:`.search_words`), linked (:mod:`.links`),
given QR codes (:mod:`.qr`) and the fixed Content-Security-Policy (:mod:`.csp`)."""
