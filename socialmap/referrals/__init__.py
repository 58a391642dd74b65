"""Referral records of Welzijn op Recept: from referral to feedback to knowing what works.

Storage lives in ``socialmap`` because the matcher (which may import only ``socialmap``) reads
the recorded outcomes as training data. No record holds a name, address, date of birth or BSN.
"""
