"""The sociale kaart: the catalogue of local activities, its storage, imports and exports."""
