# Entry points for people and CI. `make run` and `make test` install what is missing first.
#   make run [SOURCE=url|file|folder] [DATA_DIR=./wod-data]   fetch, transform and store posts
#   make test [REAL_WORDPRESS=0]                              build and run every test; 0 skips
#                                                             installing the real WordPress
#   make bench                                                run the benchmarks

BUILD_DIR ?= build
DATA_DIR ?= wod-data
SOURCE ?=
JOBS ?= 2
REAL_WORDPRESS ?= 1

.PHONY: deps standins wordpress-deps configure build run test bench format clean

deps:
	@scripts/install-deps.sh

# npm packages of the local AWS stand-ins that the tests start (tests/standins/README.md).
standins:
	@tests/standins/install.sh

# WordPress, MariaDB and php-cli for the tests against a real WordPress; `make run` needs none.
wordpress-deps:
ifeq ($(REAL_WORDPRESS),1)
	@scripts/install-deps.sh --wordpress
endif

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	./$(BUILD_DIR)/wodetl run --data-dir "$(DATA_DIR)" $(if $(SOURCE),--source "$(SOURCE)")

test: build standins wordpress-deps
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

bench: build
	./$(BUILD_DIR)/bench/wodetl_bench

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD_DIR)
