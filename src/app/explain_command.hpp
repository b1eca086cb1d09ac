#pragma once
// `wodetl explain`: what the prescription parser makes of each line it is given.

#include <iosfwd>
#include <string>
#include <vector>

namespace wodetl {

//! Input and output of one `explain` run. With no texts the lines come from input.
struct ExplainOptions {
  std::vector<std::string> texts;  //!< arguments; each may hold several lines
  bool input_is_terminal = false;  //!< prints a hint to errors before waiting on a terminal
};

//! Parses each line and writes {"lines": [...]} to output, one object per line, in batches so
//! that long input does not build one large JSON document. HTML entities and tags in a line
//! ("5&#215;5", "Clean &amp; Jerk") are decoded before parsing, as `run` decodes a post, while
//! "text" keeps the line as given. Returns the exit code: 0, or 2 for input that is not text
//! (a NUL byte), which is reported on errors.
int run_explain(const ExplainOptions& options, std::istream& input, std::ostream& output,
                std::ostream& errors);

}  // namespace wodetl
