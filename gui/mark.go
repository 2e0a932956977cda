package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// disappointedRed marks a disappointed customer beside its name.
var disappointedRed = color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}

// disappointedMark is the red dot shown beside a disappointed customer's
// name. It is drawn rather than typed: "●" is not in the bundled font, and
// a fallback font garbles the text around it.
func disappointedMark() *fyne.Container {
	dot := canvas.NewCircle(disappointedRed)
	return container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(10), dot))
}
