"""replylint.config: find, load, validate and merge configuration; nothing else."""

from replylint.config.load import ConfigError
from replylint.config.settings import Config, ConfigResolver, Plan

__all__ = ["Config", "ConfigError", "ConfigResolver", "Plan"]
