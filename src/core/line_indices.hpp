#pragma once
// List of line numbers that a block of a part refers to (see core/prescription.hpp). A block
// lists a few lines of each kind, so the first kInlineCapacity indices are stored in the list
// itself and only a longer list allocates. A std::vector allocated for every list of every block,
// about a hundred times per week of posts. Written here because the libraries the project uses
// have no small vector (Boost's small_vector would be a new dependency for one class).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <vector>

namespace wodetl::prescription {

class LineIndices {
 public:
  using value_type = std::size_t;
  using size_type = std::size_t;
  using const_iterator = const std::size_t*;
  using iterator = const_iterator;  // elements are only read once appended

  //! Indices kept without allocating.
  static constexpr std::size_t kInlineCapacity = 6;

  //! User-provided, so that value-initialization does not zero the inline storage first.
  LineIndices() noexcept {}  // NOLINT(modernize-use-equals-default)
  LineIndices(std::initializer_list<std::size_t> indices) {
    for (const std::size_t index : indices) {
      push_back(index);
    }
  }
  LineIndices(const LineIndices& other) { append(other); }
  LineIndices(LineIndices&& other) noexcept { take(other); }
  LineIndices& operator=(const LineIndices& other) {
    if (this != &other) {
      clear();
      append(other);
    }
    return *this;
  }
  LineIndices& operator=(LineIndices&& other) noexcept {
    if (this != &other) {
      heap_.reset();
      take(other);
    }
    return *this;
  }
  ~LineIndices() = default;

  void push_back(std::size_t index) {
    if (size_ == capacity()) {
      grow();
    }
    data()[size_++] = index;
  }
  void clear() { size_ = 0; }

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] const std::size_t* data() const { return heap_ ? heap_.get() : inline_; }
  [[nodiscard]] const_iterator begin() const { return data(); }
  [[nodiscard]] const_iterator end() const { return data() + size_; }
  [[nodiscard]] std::size_t operator[](std::size_t position) const { return data()[position]; }
  [[nodiscard]] std::size_t front() const { return data()[0]; }
  [[nodiscard]] std::size_t back() const { return data()[size_ - 1]; }

  [[nodiscard]] std::vector<std::size_t> to_vector() const { return {begin(), end()}; }

  friend bool operator==(const LineIndices& left, const LineIndices& right) {
    return std::equal(left.begin(), left.end(), right.begin(), right.end());
  }
  friend bool operator==(const LineIndices& left, const std::vector<std::size_t>& right) {
    return std::equal(left.begin(), left.end(), right.begin(), right.end());
  }

 private:
  [[nodiscard]] std::size_t capacity() const { return heap_ ? heap_capacity_ : kInlineCapacity; }
  [[nodiscard]] std::size_t* data() { return heap_ ? heap_.get() : inline_; }

  void grow() {
    const std::size_t capacity = 2 * this->capacity();
    auto bigger = std::make_unique_for_overwrite<std::size_t[]>(capacity);
    std::copy(begin(), end(), bigger.get());
    heap_ = std::move(bigger);
    heap_capacity_ = capacity;
  }
  void append(const LineIndices& other) {
    for (const std::size_t index : other) {
      push_back(index);
    }
  }
  // Takes other's indices, leaving it empty; this holds no heap block.
  void take(LineIndices& other) {
    size_ = other.size_;
    if (other.heap_) {
      heap_ = std::move(other.heap_);
      heap_capacity_ = other.heap_capacity_;
    } else {
      std::copy(other.inline_, other.inline_ + other.size_, inline_);
    }
    other.size_ = 0;
  }

  std::size_t size_ = 0;
  std::size_t heap_capacity_ = 0;
  std::unique_ptr<std::size_t[]> heap_;
  std::size_t inline_[kInlineCapacity];  // uninitialized past size_
};

}  // namespace wodetl::prescription
