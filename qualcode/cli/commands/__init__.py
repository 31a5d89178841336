"""Command modules; each defines ``register(cli)`` and is picked up by ``qualcode.cli.main``."""
