"""Web Mercator, the projection of every Pishran map (Plotly's ``mercator`` geo subplot and
MapLibre): the one place its formula lives.

:func:`mercator_y` maps a latitude to the projected y in radians (degrees with
``degrees=True``, so that it shares a scale with longitude in degrees: the map's fit in
:meth:`geo.cache.ProvinceGeometry.map_view` works in radians, the label fit in
:func:`figures.label_layout.pick_labels` in degrees); :func:`mercator_lat` is its inverse.
Latitudes are clamped to ±85°, where Web Mercator stops.
"""

from __future__ import annotations

import math

__all__ = ["MAX_LATITUDE", "mercator_lat", "mercator_y"]

MAX_LATITUDE = 85.0


def mercator_y(lat: float, *, degrees: bool = False) -> float:
    """The Mercator y of latitude ``lat`` (degrees), clamped to ±85°: radians, or degrees."""
    lat = max(min(lat, MAX_LATITUDE), -MAX_LATITUDE)
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return math.degrees(y) if degrees else y


def mercator_lat(y: float) -> float:
    """The latitude (degrees) whose Mercator y (radians) is ``y``."""
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)
