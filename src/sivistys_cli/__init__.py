"""sivistys: municipal development programs as version-controlled YAML."""

__version__ = "0.1.0"
