"""Event mentions from the parse: triggers, participants, realis, and which date governs each."""
