#pragma once
// Reading the SQLite store of a test, with a connection of its own, to see what is on disk.

#include <filesystem>
#include <string>
#include <vector>

namespace wodetl::testing {

//! Returns every row of `sql` on the SQLite file `database`, each column as text ("" for NULL).
//! Fails the test, and returns what was read, when the file or the statement cannot be read.
[[nodiscard]] std::vector<std::vector<std::string>> query_rows(
    const std::filesystem::path& database, const std::string& sql);

//! Returns the first column of every row of `sql`, as query_rows reads it.
[[nodiscard]] std::vector<std::string> query_column(const std::filesystem::path& database,
                                                    const std::string& sql);

//! Returns the number of rows of `table`, or -1 when it cannot be read (then the test fails).
[[nodiscard]] int count_rows(const std::filesystem::path& database, const std::string& table);

}  // namespace wodetl::testing
