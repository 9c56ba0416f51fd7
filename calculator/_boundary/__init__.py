"""The JSON boundary: :mod:`.json_in` (JSON text read with limits, a Chinese message per problem) and
:mod:`.envelope` (one JSON text in, an ``{"ok"}`` or ``{"errors"}`` envelope out). :mod:`calculator.worker`
and the command line are its callers."""
