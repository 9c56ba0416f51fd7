"""A result from checked facts: :mod:`.evaluate` (the rules run in clause order), :mod:`.amounts` (the money),
:mod:`.about` (what the result says once, at its top) and :mod:`.bring` (what to bring, where to go)."""
