"""Files to models: find program directories, parse YAML with positions, validate; failures come back as data."""
