"""The calculator engine in the site: :mod:`.ship` (the wheel, the worker and the runtime into
``site/engine/<hash>/``), :mod:`.runtime` (the runtime trimmed to what runs, with its Node scripts and
:mod:`.strip_source`), :mod:`.xlsx_wheels` (openpyxl for the ``.xlsx`` roster) and :mod:`.offline`
(the service worker)."""
