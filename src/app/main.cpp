#include <iostream>

#include "core/version.hpp"

int main() {
  std::cout << "wodetl " << wodetl::kVersion << "\n";
  return 0;
}
