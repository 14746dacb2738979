"""Record a scene's training headlessly, then render the recording as GIF/MP4/WebM/PNG."""
