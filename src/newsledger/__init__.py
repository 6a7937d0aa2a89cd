"""newsledger: raw news pages in, a knowledge base of political actors and events out."""

__version__ = "0.1.0"
