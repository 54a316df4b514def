"""The glossary: terms shared by several pages, translated once (keys ``glossary.*``).

Other sections take a term from here (``GLOSSARY["glossary.baseline"]``) instead of
translating it again, so «funding source» or «baseline» reads the same on every page.
``tests/test_catalogue.py`` checks that no other key gives a glossary term's English
text another Persian one.
"""

MESSAGES = {
    "glossary.baseline": ("پایه", "Baseline"),
    "glossary.funding_source": ("منبع تأمین مالی", "Funding source"),
    "glossary.followup_officer": ("مسئول پیگیری", "Follow-up officer"),
}

GLOSSARY = MESSAGES
