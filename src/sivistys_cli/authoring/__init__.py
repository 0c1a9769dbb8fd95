"""The authoring commands' cores: init, fmt, outcomes new, export and import, over one comment-preserving YAML writer."""
