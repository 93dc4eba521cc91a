"""Rendering pages with Jinja2: the environment (a site's templates replace the theme's) and one page.

Pages are rendered in worker processes with ``--jobs``: the inputs are set
once per process (``start``), and each call renders one page to bytes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import jinja2

from generator.core import jsontext
from generator.core.errors import BudgetsiteError
from generator.core.slugs import region_display
from generator.site import THEME
from generator.site.pages import csp
from generator.site.shared import urls
from generator.site.shared.formatting import wan
from generator.site.pages import Inputs, Page
from generator.site.pages.tableview import table_html


def environment(site_dir: Path) -> jinja2.Environment:
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
    env.globals["content_security_policy"] = csp.policy
    env.filters["region"] = region_display
    return env


_STATE: dict = {}


def start(env: jinja2.Environment, inputs: Inputs, asset_urls: dict[str, str]) -> None:
    """Set what every page of this build is rendered with (once per process)."""
    _STATE.update(env=env, inputs=inputs, assets=asset_urls)


def stop() -> None:
    _STATE.clear()


def render(page: Page, alone=None) -> tuple[str, bytes]:
    """One page as (path, bytes).  ``alone``: a disclosure view rendered with a model of its own, before (or
    without) the site's model: its page reads nothing of the other disclosures."""
    from generator.site.model.site import single_model

    env, inputs, assets = _STATE["env"], _STATE["inputs"], _STATE["assets"]
    if alone is not None:
        inputs = replace(inputs, model=single_model(alone))
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
    try:
        html = env.get_template(page.template).render(ctx)
    except jinja2.TemplateSyntaxError as exc:
        raise BudgetsiteError(f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise BudgetsiteError(f"{page.template}: cannot render {page.path}: {exc}") from None
    return page.path, html.encode("utf-8")
