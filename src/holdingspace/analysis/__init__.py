"""On-device text analysis: the sentence encoder and the classifier, loaded lazily."""
