"""gbextract: ILO Governing Body papers -> tables of segments and entities."""

__version__ = "0.1.0"
