"""Small closed vocabularies shared by the loaded models and the scorer's result.

Kept apart from load/models.py so that reading a saved scores file (score/models.py) does not
build every framework model first: that import alone cost about 50 ms of the report command's
start-up, against the goal of rendering within 1.10x of WeasyPrint alone.
"""

from __future__ import annotations

from typing import Literal

#: A partnership's geographic scale (partnership.yaml ``scale``).
Scale = Literal["neighbourhood", "city", "county", "region"]
