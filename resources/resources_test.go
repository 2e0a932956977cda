package resources

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
)

// TestEmbeddedFiles: the licence shown in About is the MIT text its name
// says, and the icon is a square PNG.
func TestEmbeddedFiles(t *testing.T) {
	if !strings.HasPrefix(License, LicenseName+" License\n") || !strings.Contains(License, "Permission is hereby granted, free of charge") {
		t.Errorf("LICENSE is not the %s licence:\n%.200s", LicenseName, License)
	}
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon.png: %v", err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() {
		t.Errorf("icon.png is %d × %d, not square", b.Dx(), b.Dy())
	}
}
