"""Triage: does Welzijn op Recept fit this patient, or is another route better?"""
