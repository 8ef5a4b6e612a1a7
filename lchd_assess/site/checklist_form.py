"""The reporting checklist as one offline HTML page: fill it in a browser, see the findings
`checklist check` would give, save the YAML.  No YAML to type, nothing sent anywhere (it works
from file://; the data and the script are inside the page).

One set of rules: the page's script implements the per-item rules of check/checklist.py
(unanswered, both filled, placeholder, N/A not allowed, N/A without a reason, title missing)
with the same codes, placeholders and N/A pattern, which are passed in from Python; the shared
test vectors in tests/fixtures/checklist-vectors.json run through both and must agree.
"""

from __future__ import annotations

import json
from typing import Any

from ..load.checklist import NA_PATTERN, PLACEHOLDERS  # the rules' data, shared with the checker
from ..load.standard import Standard
from ..context.file_contexts import ChecklistForm
from ..render.templating import environment, render

PAGE = "reporting-standard/checklist-form.html"


def form_data(std: Standard) -> dict[str, Any]:
    """Everything the page's script needs, JSON-ready and sorted."""
    sm = std.model
    return {
        "standard": sm.id,
        "standard_version": sm.version,
        "title": sm.title,
        "short_title": sm.short_title,
        "placeholders": sorted(PLACEHOLDERS),
        # Python's pattern text, which JavaScript reads the same (flags given separately)
        "na_pattern": NA_PATTERN.pattern,
        "sections": [
            {
                "title": s.title,
                "question": s.question,
                "items": [
                    {
                        "id": i.id,
                        "number": i.number,
                        "title": i.title,
                        "what": i.what_to_report,
                        "tier": i.tier,
                        "na_allowed": i.na_allowed,
                        "na_guidance": i.na_guidance,
                    }
                    for i in s.items
                    if i.status == "active"
                ],
            }
            for s in sm.sections
        ],
    }


def form_html(std: Standard) -> str:
    data = json.dumps(form_data(std), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    # safe inside <script>: no "<", ">" or "&" at all
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    context = ChecklistForm.trusted(data=data, title=std.model.short_title, version=std.version)
    return render(environment(), "checklist/form.html", context)
