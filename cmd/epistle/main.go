// Command epistle turns a letter written in Korean into reviewed editions in
// other languages and a bilingual issue. See the README.
package main

import (
	"os"

	"github.com/epistle-letters/epistle/cmd"
)

func main() { os.Exit(cmd.Main()) }
