"""Dock and dialogs (build Processing parameters; the work runs in Processing)."""
