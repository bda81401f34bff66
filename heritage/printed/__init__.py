"""Printed matter: the bilingual brochure and the QR plaques."""
