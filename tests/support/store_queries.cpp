#include "support/store_queries.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace wodetl::testing {

std::vector<std::vector<std::string>> query_rows(const std::filesystem::path& database,
                                                 const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  sqlite3* connection = nullptr;
  if (sqlite3_open_v2(database.c_str(), &connection, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << database << ": " << sqlite3_errmsg(connection);
    sqlite3_close(connection);
    return rows;
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(connection, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(connection);
    sqlite3_close(connection);
    return rows;
  }
  int result = SQLITE_ROW;
  while ((result = sqlite3_step(statement)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int column = 0; column < sqlite3_column_count(statement); ++column) {
      const unsigned char* text = sqlite3_column_text(statement, column);
      row.emplace_back(text == nullptr ? "" : reinterpret_cast<const char*>(text));
    }
    rows.push_back(std::move(row));
  }
  EXPECT_EQ(result, SQLITE_DONE) << sql << ": " << sqlite3_errmsg(connection);
  sqlite3_finalize(statement);
  sqlite3_close(connection);
  return rows;
}

std::vector<std::string> query_column(const std::filesystem::path& database,
                                      const std::string& sql) {
  std::vector<std::string> values;
  for (std::vector<std::string>& row : query_rows(database, sql)) {
    values.push_back(row.empty() ? std::string() : std::move(row.front()));
  }
  return values;
}

int count_rows(const std::filesystem::path& database, const std::string& table) {
  const std::vector<std::string> count = query_column(database, "SELECT COUNT(*) FROM " + table);
  return count.size() == 1 ? std::stoi(count.front()) : -1;
}

}  // namespace wodetl::testing
