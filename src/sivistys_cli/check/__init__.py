"""`sivistys check`: the engine, its configuration, the rule registry (rules/) and its output formats (formats/)."""
