"""Rendering pages with Jinja2: the environment (a site's templates replace the theme's) and one page.

A build makes one ``Renderer`` (the environment and the assets' URLs) and renders each page with it
and the page's inputs.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2

from generator.core import jsontext
from generator.core.errors import BudgetsiteError
from generator.core.slugs import region_display
from generator.site import THEME
from generator.site.shared import urls
from generator.site.shared.formatting import wan
from generator.site.pages import Inputs, Page, csp
from generator.site.pages.drawing import chart_svg, execution_svg
from generator.site.pages.tableview import table_html


# the environments made in this process, by the template files they read: see ``environment``
_MADE: dict[tuple, jinja2.Environment] = {}


def environment(site_dir: Path) -> jinja2.Environment:
    """The templates' environment of a site: its own ``templates/`` first, then the theme's.

    Compiling the templates is a quarter of a small site's build, so a process that builds again (``serve``
    after each change; a test suite) keeps the environment while no template file is added, removed or
    changed: the key is every template file's path, size and modification time.  (Jinja's own check of a
    compiled template's file does not see a template of the site's added in front of the theme's.)"""
    key = _templates_stamp(site_dir)
    env = _MADE.get(key)
    if env is None:
        _MADE.clear()
        env = _MADE[key] = _new_environment(site_dir)
    return env


def _templates_stamp(site_dir: Path) -> tuple:
    out = []
    for folder in (site_dir / "templates", THEME / "templates"):
        out.append(str(folder.resolve()))
        for top, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                st = os.stat(os.path.join(top, name))
                out.append((os.path.join(top, name), st.st_size, st.st_mtime_ns))
    return tuple(out)


def _new_environment(site_dir: Path) -> jinja2.Environment:
    loaders = []
    if (site_dir / "templates").is_dir():
        loaders.append(jinja2.FileSystemLoader(str(site_dir / "templates")))
    loaders.append(jinja2.FileSystemLoader(str(THEME / "templates")))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=jinja2.select_autoescape(["html"]),
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.policies["json.dumps_function"] = jsontext.dumps
    # Chinese as itself in the pages' JSON (charts' labels), not as six-byte escapes; jinja still escapes
    # < > & ' so that the JSON cannot end its script element
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals["money"] = lambda yuan: wan(yuan, 2)
    env.globals["source_page"] = urls.source_document
    env.globals["table_html"] = table_html
    env.globals["chart_svg"] = chart_svg
    env.globals["execution_svg"] = execution_svg
    env.globals["content_security_policy"] = csp.policy
    env.filters["region"] = region_display
    return env


class Renderer:
    """Pages rendered to bytes with one template environment and the build's asset URLs.

    Made once by a build (``build.run``) and handed to what renders: its units, in worker processes forked
    with it (``--jobs``), and the site's pages.
    """

    def __init__(self, env: jinja2.Environment, asset_urls: dict[str, str]):
        self.env = env
        self.assets = asset_urls

    def render(self, page: Page, inputs: Inputs) -> tuple[str, bytes]:
        """One page as (path, bytes).  A disclosure's own page is rendered with a model of its own
        (``model.site.single_model``): it reads nothing of the other disclosures."""
        assets = self.assets
        config = inputs.config
        ctx = page.context(inputs, page)
        ctx.setdefault("charts", page.charts)
        ctx.setdefault("crumbs", [])
        ctx.setdefault("section", "")
        ctx.setdefault("description", config.description)
        ctx["site"] = config
        ctx["page"] = page.path
        ctx["assets"] = assets
        ctx["canonical"] = urls.absolute(config.base_url, page.path)
        ctx["rel"] = lambda to, _from=page.path: urls.relative(_from, to)
        return page.path, self.render_template(page.template, ctx, page.path)

    def render_template(self, template: str, ctx: dict, path: str = "") -> bytes:
        """One template with ``ctx`` as UTF-8 (``path``: what it is rendered for, to say in an error)."""
        try:
            html = self.env.get_template(template).render(ctx)
        except jinja2.TemplateSyntaxError as exc:
            raise BudgetsiteError(f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}") from None
        except jinja2.TemplateError as exc:
            raise BudgetsiteError(f"{template}: cannot render {path or template}: {exc}") from None
        return html.encode("utf-8")
