"""The commands of ``python -m kb``, for writers and maintainers: none loads Sphinx."""
