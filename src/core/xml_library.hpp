#pragma once
// Process-wide setup of libxml2, which parses post HTML and AWS XML responses.

namespace wodetl {

//! Initializes libxml2 (xmlInitParser) once per process; later calls return at once, and calls
//! from other threads wait until the first one is done. Every function that calls libxml2 calls
//! this first, and main() calls it before any thread starts.
//!
//! libxml2 2.9 (Debian 12 ships 2.9.14) creates the mutex of its string dictionaries lazily and
//! without a lock, on the first parser of the process. Two threads that create their first
//! parser at the same moment can each create one and then wait for each other forever, so a sync
//! whose worker threads transformed their first posts together hung.
void init_xml_library();

}  // namespace wodetl
