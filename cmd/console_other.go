//go:build !windows

package cmd

import "os"

// vtConsole is true: Unix terminals understand escape sequences.
func vtConsole(*os.File) bool { return true }
