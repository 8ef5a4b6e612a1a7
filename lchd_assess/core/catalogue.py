"""Every finding code the toolkit can report, in one literal table.

A code is a stable kebab-case name with a title, a plain-language description that names the
fix, a group (the section of the "Validation messages" page) and whether it means the input
could not be read at all (``fatal``: exit code 2).  This table is the whole catalogue: no module
adds codes when it is imported, so the messages page, the CLI and the tests all see the same
list whatever was imported first.  A new check adds its code here, in its group.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FindingType:
    # A frozen dataclass (not a NamedTuple, which would be cheaper to create at start-up): the
    # messages page holds these in its context, whose JSON form (tests/golden/contexts) must keep
    # their field names.

    code: str
    title: str
    description: str
    group: str
    #: "input" findings mean the input could not be read at all (exit code 2).
    fatal: bool = False


_T = FindingType

_TYPES: tuple[FindingType, ...] = (
    # -- Reading files -----------------------------------------------------------------
    _T(
        "file-not-found",
        "File not found",
        "The path given does not exist. Check the spelling or run the command from the repository root.",
        "input",
        fatal=True,
    ),
    _T(
        "file-unreadable",
        "File cannot be read",
        "The file exists but could not be opened (permissions, or it is a folder where a file was expected).",
        "input",
        fatal=True,
    ),
    _T(
        "no-files",
        "No files to check",
        "A folder was given but it holds no YAML (.yaml/.yml) or CSV files that the toolkit reads.",
        "input",
        fatal=True,
    ),
    _T(
        "file-outside-folder",
        "Link out of the partnership folder",
        "A partnership's files (partnership.yaml and the answers in responses/) must be inside its folder. A symbolic link to a file elsewhere is refused, so that no other file on the computer is read as answers. Copy the file into the folder instead.",
        "input",
        fatal=True,
    ),
    _T(
        "scores-out-of-range",
        "Scores file with impossible numbers",
        "A scores file given to `report` or `portfolio` holds a number the scorer never writes (a score outside 0–100, an interval that is not one, a negative count). Score the partnership again with `lchd-assess score --format json` instead of editing the file.",
        "input",
        fatal=True,
    ),
    # -- Encoding ----------------------------------------------------------------------
    _T(
        "file-too-large",
        "File too large",
        "The file is larger than the toolkit accepts for this kind of input; framework and instrument files are small, so a very large file is almost certainly a mistake.",
        "encoding",
    ),
    _T(
        "empty-file",
        "Empty file",
        "The file holds nothing (or only comments). Every data file must hold a mapping with a `kind` key.",
        "encoding",
    ),
    _T(
        "not-utf8",
        "Not UTF-8",
        "The file is not valid UTF-8 text. Save it as UTF-8 (in most editors: Save As, Encoding, UTF-8).",
        "encoding",
    ),
    _T(
        "utf8-bom",
        "UTF-8 with byte-order mark",
        "The file starts with a byte-order mark (BOM). Save it as UTF-8 without BOM so every tool reads the first key the same way.",
        "encoding",
    ),
    # -- YAML --------------------------------------------------------------------------
    _T(
        "yaml-syntax",
        "YAML syntax error",
        "The file is not well-formed YAML. The message gives the place where the parser gave up; the mistake is often on the line before.",
        "yaml",
    ),
    _T(
        "yaml-tab",
        "Tab in indentation",
        "YAML indentation must use spaces. Replace the tab characters with spaces.",
        "yaml",
    ),
    _T(
        "yaml-duplicate-key",
        "Duplicate key",
        "The same key appears twice in one mapping; YAML would silently keep only the last. Remove or rename one of them.",
        "yaml",
    ),
    _T(
        "yaml-yes-no-boolean",
        "Ambiguous yes/no value",
        "Unquoted yes, no, on, off, y or n are read as true/false by some tools and as text by others. Write true or false, or quote the word if you mean text.",
        "yaml",
    ),
    _T(
        "yaml-unsupported-tag",
        "Unsupported YAML tag",
        "The file uses a YAML tag (such as !!python/object) that could run code or build objects. Only plain mappings, lists, text, numbers, true/false and null are allowed.",
        "yaml",
    ),
    _T(
        "yaml-alias-limit",
        "Too many aliases",
        "The file uses more YAML aliases (*name), or expands to more values, than allowed. This protects against 'billion laughs' files; write the values out instead.",
        "yaml",
    ),
    _T(
        "yaml-not-mapping",
        "Top level is not a mapping",
        "The file must hold a mapping (key: value pairs) at the top level, starting with `kind:`.",
        "yaml",
    ),
    # -- Schema ------------------------------------------------------------------------
    _T(
        "unknown-kind",
        "Unknown or missing kind",
        "Every data file names what it holds in a top-level `kind` key (for example `kind: principles`). The message lists the kinds the toolkit knows.",
        "schema",
    ),
    _T(
        "schema-required",
        "Missing required field",
        "A field that must be present is missing. Add it; the JSON Schema in schemas/ lists every field.",
        "schema",
    ),
    _T(
        "schema-unknown-field",
        "Unknown field",
        "A field is not part of the schema, often a typo. Check the spelling against the schema in schemas/.",
        "schema",
    ),
    _T(
        "schema-type", "Wrong type", "A value has the wrong type (for example text where a list is expected).", "schema"
    ),
    _T(
        "schema-value",
        "Value not allowed",
        "A value is outside what the schema allows (not one of the listed choices, out of range, too short, or not in the required form).",
        "schema",
    ),
    _T(
        "bad-id-pattern",
        "ID in the wrong form",
        "Each kind of element has its own ID pattern (P1–P4 for principles, FS1–FS4 for structures, and so on). IDs are permanent addresses, so they must follow the pattern.",
        "schema",
    ),
    _T(
        "missing-source",
        "Element without a source",
        "Every framework element says where in the paper it comes from (a section heading or a figure). Add `source: {section: ...}` or `source: {figure: ...}`.",
        "schema",
    ),
    _T(
        "bad-version",
        "Version is not semantic",
        "Versions are semantic versions, MAJOR.MINOR.PATCH, such as 1.0.0.",
        "schema",
    ),
    _T(
        "changelog-missing-version",
        "Version missing from changelog",
        "The current version has no changelog entry. Add one saying what changed.",
        "schema",
    ),
    # -- Meaning and links -------------------------------------------------------------
    _T(
        "duplicate-id",
        "Duplicate ID",
        "Two elements share one ID. IDs are never reused: give the new element a new ID and keep a retired element with `status: retired`.",
        "semantic",
    ),
    _T(
        "dangling-reference",
        "Reference to an unknown element",
        "A field refers to an ID that no element has. Fix the ID or add the element.",
        "semantic",
    ),
    _T(
        "wrong-reference-kind",
        "Reference to the wrong kind of element",
        "A field refers to an element of a kind it may not point at (for example a limitation where a characteristic is expected).",
        "semantic",
    ),
    _T(
        "crosswalk-unknown-target",
        "Crosswalk target does not exist",
        "A crosswalk maps onto a principle or structure ID that the framework does not have.",
        "semantic",
    ),
    _T(
        "crosswalk-unknown-source",
        "Crosswalk source element does not exist",
        "A crosswalk mapping names a source element that the crosswalk does not list.",
        "semantic",
    ),
    _T(
        "reference-cycle",
        "Cycle in links that must be acyclic",
        "Links such as `builds_on` and `replaced_by` must not loop back to where they started.",
        "semantic",
    ),
    _T(
        "retired-reference",
        "Reference to a retired element",
        "A field points at an element whose status is retired. Point at its replacement.",
        "semantic",
    ),
    _T(
        "standard-duplicate-number",
        "Two items share a display number",
        "Each item of the reporting standard needs its own display number (such as 8b). Renumber one of them; their IDs stay as they are.",
        "semantic",
    ),
    _T(
        "standard-changelog-unknown-item",
        "Changelog names an unknown item",
        "A changelog entry of the reporting standard lists an item ID that no item has. Fix the ID.",
        "semantic",
    ),
    _T(
        "standard-item-not-in-changelog",
        "Item added without a changelog entry",
        "An item's version_added must be a version in the standard's changelog, and that entry must list the item under `added`.",
        "semantic",
    ),
    _T(
        "standard-na-guidance",
        "Not-applicable guidance does not fit",
        "An item that allows 'not applicable' says when that is fair (na_guidance); an item that does not allow it has no such guidance.",
        "semantic",
    ),
    _T(
        "standard-domain-unused",
        "Domain without items, or item in an undeclared domain",
        "Every domain the standard declares holds at least one item, and every item's domain is declared.",
        "semantic",
    ),
    _T(
        "crosswalk-duplicate-element",
        "Guideline element listed twice",
        "Each element of a guideline appears once in its crosswalk. Merge the two entries.",
        "semantic",
    ),
    _T(
        "markup-in-text",
        "Markup in a plain-text field",
        "A name, title or description holds HTML markup (a tag such as <script> or <img>, an event handler such as onerror=, a javascript: address, or a character reference such as &#60;). These fields are plain text: write the words without markup; for emphasis or links use the fields meant for them.",
        "semantic",
    ),
    # -- Reporting checklists ----------------------------------------------------------
    _T(
        "checklist-item-missing",
        "Item missing from the checklist",
        "An item of the standard has no entry in the checklist. Add it (with `reported_at` or `not_done`), or start again from a new blank checklist (`lchd-assess checklist new`).",
        "checklist",
    ),
    _T(
        "checklist-item-unanswered",
        "Item neither reported nor explained",
        "Both `reported_at` and `not_done` are empty. Say where in the report the item is addressed, or why it is not.",
        "checklist",
    ),
    _T(
        "checklist-both-filled",
        "Both where and why-not filled",
        "An item has both `reported_at` and `not_done`. Keep one: where it is reported, or why it is not. If it is reported only in part, give the place in `reported_at` and say there what is missing.",
        "checklist",
    ),
    _T(
        "checklist-na-not-allowed",
        "Not applicable where it is not allowed",
        "The item applies to every partnership report, so it cannot be marked not applicable. Report it, or say in `not_done` why it was not done without calling it not applicable.",
        "checklist",
    ),
    _T(
        "checklist-na-without-reason",
        "Not applicable without a reason",
        "An item marked 'N/A' needs a reason after it, e.g. 'N/A: this report covers formation only; outcomes will follow in 2027'.",
        "checklist",
    ),
    _T(
        "checklist-placeholder",
        "Placeholder instead of an answer",
        "The answer is a tick or placeholder (such as 'yes', 'x', 'TODO' or '?'). Write where the item is reported (section, paragraph, table or page) or why it is not.",
        "checklist",
    ),
    _T(
        "checklist-unknown-item",
        "Unknown item ID",
        "The checklist names an item ID the standard does not have; the message suggests the closest ID. Item IDs look like RS-partner-roster.",
        "checklist",
    ),
    _T(
        "checklist-retired-item",
        "Retired item",
        "The checklist names an item that the standard has retired; move the answer to the item that replaces it.",
        "checklist",
    ),
    _T(
        "checklist-version-mismatch",
        "Checklist for another version of the standard",
        "The checklist was written for a different version of the reporting standard; the message lists what changed between the two. Start from a new blank checklist or move your answers across.",
        "checklist",
    ),
    _T(
        "checklist-wrong-standard",
        "Checklist for another standard",
        "The checklist names a different reporting standard. Check the `standard` field.",
        "checklist",
    ),
    _T(
        "checklist-title-missing",
        "Report title missing",
        "The checklist does not name the report it belongs to. Fill `report: title:` with the manuscript's title, so an editor can match the two.",
        "checklist",
    ),
    # -- The self-assessment (instrument, scoring rules, recommended actions) ----------
    _T(
        "instrument-element-uncovered",
        "Element without enough items",
        "Every principle (P1–P4) and foundational structure (FS1–FS4) needs at least the minimum number of items set in the instrument (`min_items_per_element`). Add items for the element named.",
        "instrument",
    ),
    _T(
        "instrument-component-unreached",
        "Component no item reaches",
        "Every component of a principle or structure (such as P4's five operational decisions) must be reached by at least one item's `components`. Add the component to an item that asks about it.",
        "instrument",
    ),
    _T(
        "instrument-component-mismatch",
        "Item reaches another element's component",
        "An item's `components` must belong to the item's own `element` (P4.2 belongs to P4). Move the item or fix the component ID.",
        "instrument",
    ),
    _T(
        "instrument-item-prefix",
        "Item ID does not match its element",
        "An item's ID starts with its element's ID (P1.Q3 is an item of P1). Give the item an ID that starts with its `element`.",
        "instrument",
    ),
    _T(
        "instrument-version-order",
        "Item version after the instrument version",
        "An item's `since_version` or `meaning_changed_in` is later than the instrument's own version, or its meaning changed before it existed. Fix the version.",
        "instrument",
    ),
    _T(
        "instrument-unknown-group",
        "Sector in an unknown group",
        "Each sector's `group` must be one of the instrument's `sector_groups`.",
        "instrument",
    ),
    _T(
        "instrument-unknown-sector",
        "Unknown sector in the instrument",
        "The instrument's `resident_sector` must be the code of one of its `sectors`.",
        "instrument",
    ),
    _T(
        "instrument-section-mismatch",
        "Sections and items do not match",
        "Every element that has items needs exactly one section (its heading for respondents), and every section needs items; the scorer reports elements in section order.",
        "instrument",
    ),
    _T(
        "scoring-rules-bands",
        "Level bands do not tile 0–100",
        "The readiness levels must start at 0, end at 100 and follow one another without gaps or overlaps, lowest first.",
        "instrument",
    ),
    _T(
        "scoring-rules-unknown-level",
        "Unknown level in the scoring rules",
        "The gate's `cap_level` and `ready_level` must be IDs of levels listed under `levels`, and the cap must be below the ready level.",
        "instrument",
    ),
    _T(
        "scoring-rules-instrument",
        "Scoring rules for another instrument",
        "The scoring rules (or recommended actions) name an instrument ID or version that does not match assessments/instrument.yaml. Update `instrument` and `instrument_version`.",
        "instrument",
    ),
    _T(
        "translation-missing",
        "Text not translated",
        "A translation file must translate every text of the instrument it names: instructions, level labels, DK and NA, every sector, sector group, role and section, every active item's question and five levels (and its who_knows line when it has one), and every codebook string. Add the missing entry.",
        "instrument",
    ),
    _T(
        "translation-unknown-id",
        "Translation for an unknown ID",
        "A translation file names an item, sector, group, role, section or codebook string the instrument does not have (or an item that is retired). Fix the ID or delete the entry; IDs are never translated.",
        "instrument",
    ),
    _T(
        "translation-outdated",
        "Translation of another instrument version",
        "The translation's instrument or instrument_version does not match assessments/instrument.yaml. Update the translation for the current version (and its instrument_version) before using it.",
        "instrument",
    ),
    # -- Answer files (responses CSV) and rosters --------------------------------------
    _T(
        "responses-csv-syntax",
        "CSV cannot be read",
        "The file is not readable as CSV (for example a quote is never closed or the file holds a NUL byte). Open it in a spreadsheet and save it again as CSV (UTF-8).",
        "responses",
    ),
    _T(
        "responses-empty",
        "No respondents",
        "The file holds no header row or no respondent rows. Add one row per respondent below the header.",
        "responses",
    ),
    _T(
        "responses-missing-column",
        "Required column missing",
        "The header must include respondent_id, sector and role. Start from `lchd-assess template` and keep its header row as it is.",
        "responses",
    ),
    _T(
        "responses-duplicate-column",
        "Column appears twice",
        "Two header cells have the same name; only one column per item is allowed. Delete or rename one.",
        "responses",
    ),
    _T(
        "responses-unknown-column",
        "Unknown column",
        "A header cell is not an item of the current instrument (nor respondent_id, sector, role, instrument_version or an `<item>_comment` column). Check the spelling against the codebook, or delete the column; names and e-mail addresses must never be collected.",
        "responses",
    ),
    _T(
        "responses-missing-item-column",
        "Item columns missing",
        "The header lacks columns for some items of the current instrument. Put the columns back (cells may stay empty); start from `lchd-assess template`.",
        "responses",
    ),
    _T(
        "responses-instrument-version",
        "File from an unknown instrument version",
        "The file's item columns match no version of the instrument (for example columns of two versions mixed), or its instrument_version cells name a version the instrument does not know. A file collected with an earlier version, columns unchanged, is fine: it is scored on that version's items. Otherwise collect answers with the current template (`lchd-assess template`).",
        "responses",
    ),
    _T(
        "responses-extra-cells",
        "More cells than header columns",
        "A row has filled cells to the right of the last header column. Delete them or give the column a header.",
        "responses",
    ),
    _T(
        "responses-missing-respondent-id",
        "Respondent without an ID",
        "Every row needs a respondent_id: a code the partnership makes up (R01, R02 …), never a name.",
        "responses",
    ),
    _T(
        "responses-identifying-id",
        "Respondent ID looks like a name",
        "A respondent_id looks like a person's name or an e-mail address (it holds an @, or words separated by a space). Replace it with a made-up code such as R07: answers are anonymous and reports never show who said what.",
        "responses",
    ),
    _T(
        "responses-duplicate-respondent",
        "Respondent ID used twice",
        "Two rows share one respondent_id. Each respondent answers once per wave; give each row its own code or delete the duplicate.",
        "responses",
    ),
    _T(
        "responses-unknown-sector",
        "Unknown sector",
        "The sector cell must hold one of the sector codes in the codebook (health-care, public-health, social-services, education, housing, legal, financial, community-organisation, resident-family, funder, backbone, other).",
        "responses",
    ),
    _T(
        "responses-unknown-role",
        "Unknown role",
        "The role cell must hold one of the role codes in the codebook (leadership, staff, resident-family-member).",
        "responses",
    ),
    _T(
        "responses-bad-value",
        "Answer out of range",
        "An answer cell must hold 0, 1, 2, 3 or 4, DK (don't know), NA (not applicable) or nothing. Fix the cell; decimals, words and numbers above 4 are not answers.",
        "responses",
    ),
    _T(
        "responses-no-instrument",
        "Instrument cannot be loaded",
        "Response files are checked against assessments/instrument.yaml, which could not be loaded. Run `lchd-assess validate assessments` and fix what it lists.",
        "responses",
    ),
    _T(
        "partnership-unknown-sector",
        "Roster sector unknown",
        "Each organisation on a partnership's roster needs one of the instrument's sector codes.",
        "responses",
    ),
    _T(
        "responses-invisible-character",
        "Invisible character in a respondent ID",
        "A respondent_id holds a character that cannot be seen (a zero-width space, a direction mark, a control character such as NUL). Two IDs that differ only by such a character look the same to people, so one person could be counted twice. Type the code again by hand.",
        "responses",
    ),
    # -- Documentation site ------------------------------------------------------------
    _T(
        "site-stale",
        "Generated site pages are out of date",
        "A file in docs/ or mkdocs.yml differs from what the framework and the site templates generate (the YAML changed, or someone edited a generated page). Run `lchd-assess site build` and commit docs/ and mkdocs.yml; change pages through the YAML or site_templates/, never in docs/.",
        "site",
    ),
    # -- Answer files: what the reader left out on purpose (notes, never a refusal) ----
    _T(
        "responses-ignored-columns",
        "Columns ignored",
        "Columns whose header is not an item, a comment column or one of respondent_id, sector, role, instrument_version (such as a form's Timestamp or Email address) are not read. Nothing in them reaches the scores; delete them from the file if they hold personal data.",
        "responses-notes",
    ),
    _T(
        "responses-blank-rows",
        "Blank rows skipped",
        "Rows with no filled cell are skipped; they are not respondents.",
        "responses-notes",
    ),
    _T(
        "responses-no-answers",
        "Respondent who answered nothing",
        "A row has a respondent_id, sector and role but no answer in any item column. It is not counted as a respondent (it would lower no score but would inflate the number of respondents).",
        "responses-notes",
    ),
    # -- Importing survey platform exports ---------------------------------------------
    _T(
        "import-unreadable",
        "Export cannot be read",
        "The platform export could not be read as the format named (not UTF-8, not CSV, not a workbook, not JSON, or empty). Download it again from the platform in the format the toolkit's page for that platform describes.",
        "import",
    ),
    _T(
        "import-missing-item",
        "Item missing from the export",
        "The export has no column (or answer slot) for an item of the current instrument. Add the question back to the survey on the platform (it may stay unanswered), or put an empty column with the item's name into the file.",
        "import",
    ),
    _T(
        "import-extra-item",
        "Item the instrument does not have",
        "The export has a column for an item that is not part of the current instrument (a typo, an item added on the platform, or an item of an earlier version). Delete the column, or set the survey up again from `lchd-assess export instrument`.",
        "import",
    ),
    _T(
        "import-instrument-version",
        "Export from another instrument version",
        "The export belongs to another version of the instrument than the current one. Set the survey up again from `lchd-assess export instrument` for the current version, or score the answers with the instrument version they were collected with.",
        "import",
    ),
    _T(
        "import-mixed-codes",
        "Codes and labels mixed",
        'Some answers are codes (0–4, DK, NA) and others are labels ("Established", "Don\'t know") in the same export, which happens when two downloads are pasted together or cells are typed in by hand. Download the data again with one setting (raw codes, or labels) for the whole file.',
        "import",
    ),
    _T(
        "import-bad-value",
        "Answer is not one of the choices",
        "A cell holds something that is not one of the item's choices. Fix it on the platform and download again; the message says which cell.",
        "import",
    ),
    _T(
        "import-bad-sector",
        "Sector or role not recognised",
        "The sector or role answer is not one of the instrument's sectors or roles (by code or by label). Fix the choice list on the platform so it matches `lchd-assess export instrument`.",
        "import",
    ),
    _T(
        "import-missing-field",
        "Sector or role question missing",
        "Every respondent row needs a sector and a role; the export has no column for one of them. Add the question to the survey (from `lchd-assess export instrument`).",
        "import",
    ),
    _T(
        "import-duplicate-respondent",
        "Same respondent twice",
        "Two rows of the export carry the same respondent code. Delete the duplicate on the platform (or in the file) and import again.",
        "import",
    ),
    _T(
        "import-personal-data",
        "Personal data left out",
        "The export holds a column with personal data (an e-mail address, a name, an IP address, a location, a user or device name). The toolkit never reads its values into anything and never writes them anywhere; turn off collecting them on the platform if you can.",
        "import",
    ),
    _T(
        "import-ignored-column",
        "Platform column ignored",
        "A column the toolkit does not use (platform metadata such as timestamps, status or submission IDs, or a question the instrument does not have). It is left out.",
        "import",
    ),
    _T(
        "import-skipped-row",
        "Row left out",
        "A row was left out: a test or preview response, a response marked rejected on the platform, or a row with no answer at all.",
        "import",
    ),
    _T(
        "import-incomplete-record",
        "Record not marked complete",
        "REDCap marks some records Incomplete (a survey left half-way, or a form not yet finished). Their answers so far are imported, as any partial answers are; finish or delete the records in REDCap if they should not count.",
        "import",
    ),
    _T(
        "import-options",
        "Export needs a choice",
        "The export holds more than one event or wave; name the one to import (for REDCap: `--event`).",
        "import",
    ),
    # -- Answer files from the browser questionnaire and workbooks ---------------------
    _T(
        "workbook-unreadable",
        "Workbook cannot be read",
        "The file is not an Excel workbook (.xlsx) that can be opened, or it has no sheet to read. Open it in a spreadsheet program and save it again as Excel Workbook (.xlsx), or save the Answers sheet as CSV (UTF-8).",
        "answer-files",
    ),
    _T(
        "answers-not-json",
        "Answer file is not JSON",
        "An answer file saved by the browser questionnaire is a small JSON document. This file could not be read as JSON (the place where reading stopped is given). Save the answers again from the questionnaire, or ask the member to send the file as it was saved.",
        "answer-files",
    ),
    _T(
        "answers-not-answer-file",
        "Not an answer file",
        "The JSON document is not an LCHD answer file (its `format` is not lchd-answers, or a required field such as respondent_id or answers is missing or of the wrong kind). Collect only files saved by `lchd-assess questionnaire` pages.",
        "answer-files",
    ),
    _T(
        "answers-unknown-field",
        "Unknown field in an answer file",
        "The answer file holds a field the format does not have; it may have been edited by hand. Remove the field or save the answers again from the questionnaire.",
        "answer-files",
    ),
    _T(
        "answers-unknown-item",
        "Answer to an unknown item",
        "The answer file answers an item that the current instrument does not have. It was edited by hand or saved from another instrument's questionnaire.",
        "answer-files",
    ),
    _T(
        "answers-comment-too-long",
        "Comment too long",
        "Comments in answer files are at most 1,000 characters; the questionnaire does not allow longer ones, so the file was edited by hand. Shorten the comment.",
        "answer-files",
    ),
    _T(
        "collect-unsupported-file",
        "File type collect cannot read",
        "collect reads answer files saved by the browser questionnaire (.json), workbooks made by `lchd-assess questionnaire --format xlsx` (.xlsx) and CSV files in the template's layout (.csv). Save the answers in one of these forms.",
        "answer-files",
    ),
    _T(
        "answers-other-wave",
        "Answers for another wave",
        "The questionnaire the member filled in was made for another wave (its answer file names that wave). Collect the file with `--wave` set to the wave it names, or make a questionnaire for this wave.",
        "answer-files",
    ),
    # -- Partnership folders ---------------------------------------------------------------
    _T(
        "wave-undeclared",
        "Wave without a date",
        "A file in a partnership's responses/ folder is neither listed under `waves` in partnership.yaml nor named after its closing date (2026-03-31-spring.csv). Waves are put in order by date so that change always runs from earlier to later; add the wave with its label, the date collection closed and its file.",
        "partnership",
    ),
    # -- Writing outputs (core/safe_output.py) -----------------------------------------------
    _T(
        "output-exists",
        "Output file exists",
        "A file of that name exists and was not written by lchd-assess (or was changed since it was). Nothing is written: choose another --out, move the file away, or add --force to replace it.",
        "output",
        fatal=True,
    ),
    _T(
        "output-folder-not-ours",
        "Output folder holds other files",
        "The output folder is not empty and has no .lchd-outputs.json (the list of files lchd-assess wrote there). Choose a new or empty folder, or add --force to write into it; only files of the same names are replaced, nothing else is removed.",
        "output",
        fatal=True,
    ),
    _T(
        "output-is-input",
        "Output is an input",
        "The output would replace, or land inside, a file or folder the command reads (for example a wave's answers). This is refused even with --force: choose an --out outside the inputs.",
        "output",
        fatal=True,
    ),
    _T(
        "output-protected",
        "Output folder not allowed",
        "The toolkit never writes its outputs into its own data (framework/, assessments/, schemas/, site_templates/), its code or repository, the current folder itself, a folder above it, the home folder or a drive's top folder. Give a new folder.",
        "output",
        fatal=True,
    ),
    # -- Releases (versions, changelogs, citation metadata) ----------------------------
    _T(
        "release-version-not-raised",
        "Content changed but the version did not",
        "A versioned part of the data (framework, standard, instrument, scoring rules, recommended actions) changed since the previous release, but its `version` is the same. Raise it (MAJOR.MINOR.PATCH) and add a changelog entry.",
        "release",
    ),
    _T(
        "release-version-lower",
        "Version lower than the previous release",
        "A version is lower than in the previous release. Versions only go up.",
        "release",
    ),
    _T(
        "release-needs-new-minor",
        "Element changes in a patch release",
        "Elements of the framework or the reporting standard were added, reworded or retired, but MAJOR.MINOR stayed the same. Pages are frozen per MAJOR.MINOR (/1.0/…), so cited pages would change; raise at least the minor version.",
        "release",
    ),
    _T(
        "release-changelog-missing",
        "No changelog entry for the new version",
        "The version was raised but the file's `changelog` has no entry for it. Add one that says what changed.",
        "release",
    ),
    _T(
        "release-id-removed",
        "A permanent ID was removed",
        "A framework or reporting-standard ID that the previous release had is gone. IDs are permanent addresses: keep the element with `status: retired` (and `replaced_by` where there is a successor).",
        "release",
    ),
    _T(
        "release-citation-version",
        "CITATION.cff does not name the package version",
        "CITATION.cff's `version` must be the toolkit package's version, so the citation names what was used.",
        "release",
    ),
    _T(
        "release-archive-metadata",
        "Archive metadata (.zenodo.json) disagrees",
        ".zenodo.json is missing or disagrees with CITATION.cff (version, title, date) or does not name the versions of the framework, instrument and standard this release holds.",
        "release",
    ),
)

CATALOGUE: dict[str, FindingType] = {t.code: t for t in _TYPES}
if len(CATALOGUE) != len(_TYPES):  # a code listed twice would hide its first description
    raise ValueError("a finding code is listed twice in lchd_assess/core/catalogue.py")
