package cmd

import (
	"os"

	"golang.org/x/sys/windows"
)

// vtConsole makes a Windows console understand the escape sequences that
// colour terms and redraw progress; where it cannot (an old console), the
// caller writes plain text instead.
func vtConsole(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
