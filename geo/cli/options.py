"""Options shared by the commands that read tables or place names.

Each is a decorator, so every command spells them the same way::

    @main.command("choropleth")
    @boundaries_option
    @parent_option
    @table_options          # --sheet, --layer, --assume-crs
    def choropleth_command(..., boundaries, parent, sheet, layer, assume_crs): ...

and passes them on: ``geo.admin.gazetteer_with(*boundaries)`` (None when no
file is given), ``geo.io.read_table(path, sheet=sheet, layer=layer,
assume_crs=assume_crs)``, ``geo.admin.resolve(names, parents, …)``.
"""

from __future__ import annotations

import click

boundaries_option = click.option(
    "--boundaries",
    "boundaries",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Boundary file (COD-AB Shapefile/zip/GPKG/GeoJSON, admin 1–3) whose areas are added to the gazetteer "
    "for this run; repeat for several.",
)

parent_option = click.option(
    "--parent",
    metavar="COLUMN",
    help="Column of the table holding each name's parent area (governorate or district, a name or a P-code), "
    "or an HXL tag such as '#adm1+name': names are matched inside it.",
)

sheet_option = click.option("--sheet", help="Sheet of an XLSX workbook (name or 0-based number); the first otherwise.")
layer_option = click.option("--layer", help="Layer of a GeoPackage (or shapefile inside a zip) holding several.")
assume_crs_option = click.option(
    "--assume-crs",
    metavar="CRS",
    help="CRS of a layer that records none (a shapefile without .prj), e.g. EPSG:4326 or EPSG:32637.",
)
hxl_option = click.option("--hxl", is_flag=True, help="Put an HXL hashtag row under the CSV header.")

provider_option = click.option(
    "--provider",
    metavar="NAME",
    help="Online geocoder (any geopy service: nominatim, arcgis, photon…) asked only for names the offline "
    "gazetteer cannot place; answers are cached on disk (see 'geo cache info').",
)
user_agent_option = click.option(
    "--user-agent",
    metavar="UA",
    envvar="GEO_USER_AGENT",
    help="Who is asking, for the online geocoder (required by Nominatim: e.g. 'my-org-sitrep you@example.org'). "
    "Also read from GEO_USER_AGENT.",
)


def table_options(func):
    """--sheet, --layer and --assume-crs: how to read an input table."""
    return sheet_option(layer_option(assume_crs_option(func)))


def provider_options(func):
    """--provider and --user-agent: the opt-in online fallback."""
    return provider_option(user_agent_option(func))
