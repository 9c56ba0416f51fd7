"""The generator's errors: one tree under one base, each message saying what is wrong and what to do.

::

    Exception
     └── SitegenError             the site cannot be built correctly; build_site.py prints it and exits 1
          ├── BuildError          the build as a whole: MkDocs failed, a broken link, a bad --site-url
          ├── PolicySourceError   calculator/data/notice.toml is malformed (every problem listed)
          ├── GuidanceError       guidance.toml or deploy/contacts.toml is malformed (also a ValueError)
          ├── SearchWordsError    search_words.toml names an unknown clause (also a ValueError)
          ├── InlineScriptError   a page has an inline script the fixed policy would block (also a ValueError)
          ├── QrError             a QR code cannot be made or does not read back as its URL
          ├── EngineError         the engine (runtime, wheel, worker) cannot be shipped
          ├── RuntimeTrimError    the trimmed runtime cannot be made or does not run the calculator
          └── WheelError          openpyxl's wheels for the .xlsx roster cannot be had
"""

from __future__ import annotations


class SitegenError(Exception):
    """The site cannot be built correctly; the message says why."""


class BuildError(SitegenError):
    """The build cannot produce a correct site; the message says why."""


class PolicySourceError(SitegenError):
    """The policy source is malformed; the message lists every problem found."""


class GuidanceError(SitegenError, ValueError):
    """The guidance or contacts file is malformed; the message says where."""


class SearchWordsError(SitegenError, ValueError):
    """search_words.toml names a clause the policy source does not have, or is malformed."""


class InlineScriptError(SitegenError, ValueError):
    """A page has an executable inline script, which the fixed policy would block."""


class QrError(SitegenError):
    """A QR code could not be made or did not read back as its URL; the message says which."""


class EngineError(SitegenError):
    """The engine cannot be shipped; the message says what to do."""


class RuntimeTrimError(SitegenError):
    """The trimmed runtime cannot be made or does not run the calculator; the message says why."""


class WheelError(SitegenError):
    """The xlsx wheels cannot be had; the message says what to do."""
