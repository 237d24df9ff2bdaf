"""Benchmarks of the skill beside a minimal ask-sdk-core baseline: `make bench`."""
