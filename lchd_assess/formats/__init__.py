"""File formats the toolkit reads or writes: responses CSV, score JSON/CSV, checklist YAML, bundle,
schemas, citation formats."""
