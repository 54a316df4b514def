"""County boundaries for Pishran maps: read, match, simplify, cache, hex tiles.

No Streamlit here.  Boundary data is OpenStreetMap (ODbL): it is read from outside the
project (see :mod:`geo.config`) and anything derived from it is cached in the user cache
directory, never in the repository.  Maps must credit «© OpenStreetMap contributors».
"""

from .boundaries import BoundaryFileError, read_boundaries
from .cache import ProvinceGeometry, boundaries_available, load_country, load_province
from .config import boundaries_path, cache_dir, country_dir, project_root
from .geometry import (
    CoverageError,
    coverage_report,
    equal_area_km2,
    label_points,
    orient_for_geo_subplot,
    simplify_coverage,
)
from .matching import MatchReport, codes_for_unknown, match_counties
from .plotly_geojson import subset_feature_collection, to_feature_collection
from .tiles import ISFAHAN_HEX_LAYOUT, auto_hex_layout, hex_layout_for, hex_polygons

ATTRIBUTION = "© OpenStreetMap contributors"

__all__ = [
    "ATTRIBUTION",
    "BoundaryFileError",
    "CoverageError",
    "ISFAHAN_HEX_LAYOUT",
    "MatchReport",
    "ProvinceGeometry",
    "auto_hex_layout",
    "boundaries_available",
    "boundaries_path",
    "cache_dir",
    "codes_for_unknown",
    "country_dir",
    "coverage_report",
    "equal_area_km2",
    "hex_layout_for",
    "hex_polygons",
    "label_points",
    "load_country",
    "load_province",
    "match_counties",
    "orient_for_geo_subplot",
    "project_root",
    "read_boundaries",
    "simplify_coverage",
    "subset_feature_collection",
    "to_feature_collection",
]
