"""Open-data loaders: one module per source family, normalised to the schema in ``schema.py``."""
