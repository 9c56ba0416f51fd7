"""The site generator behind build_site.py: policy source → pages → MkDocs build."""
