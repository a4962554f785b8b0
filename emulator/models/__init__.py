"""Generated request models (see codegen/server_models.py)."""
