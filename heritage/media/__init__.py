"""The media pipeline: originals under data/media/ in, metadata-free web versions out.

images.py       photos → AVIF/WebP/JPEG at several widths
audio_video.py  audio and video → remuxed copies without metadata, durations, poster frames
artwork.py      drawn images: social preview cards, YouTube facade posters
cache.py        the content-addressed cache under .cache/media/
library.py      everything a site needs, prepared once per build, then published
policy.py       repository weight: size caps, GPS in originals, `media prepare`
"""
