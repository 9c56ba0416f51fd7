"""Serving the built site: :mod:`.dev` (the development server), :mod:`.nginx` (production's
``deploy/nginx.conf``, run) and :mod:`.precompress` (the ``.br`` and ``.gz`` copies both serve)."""
