// support_check.h - what the support header's runtime test units share: a tiny CHECK macro
// that counts failures and prints file:line, the test ids, and a small COM object with a
// visible reference count. Layer: tests (runtime).
#pragma once
#include "tlbkit_com.h"

#include <cstdio>
#include <cstring>

namespace support_test {

inline int g_checks = 0;    // test-program counters, reported by main
inline int g_failures = 0;
inline int g_sinks_destroyed = 0;  // sink_base must delete its object at the last Release

#define CHECK(cond)                                                               \
  do {                                                                            \
    ++g_checks;                                                                   \
    if (!(cond)) {                                                                \
      ++g_failures;                                                               \
      std::printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);        \
    }                                                                             \
  } while (0)

#define CHECK_THROWS_AS(expr, E)                                                  \
  do {                                                                            \
    ++g_checks;                                                                   \
    bool caught_ = false;                                                         \
    try {                                                                         \
      (void)(expr);                                                               \
    } catch (const E&) {                                                          \
      caught_ = true;                                                             \
    } catch (...) {                                                               \
    }                                                                             \
    if (!caught_) {                                                               \
      ++g_failures;                                                               \
      std::printf("%s:%d: CHECK_THROWS_AS failed: %s throws %s\n", __FILE__, __LINE__, \
                  #expr, #E);                                                     \
    }                                                                             \
  } while (0)

using tlbkit::bstr;
using tlbkit::com_ptr;
using tlbkit::variant;

inline bool same(const GUID& a, const GUID& b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Interface ids invented for the test objects.
inline constexpr GUID kSupportedIid = {0x6B1E0001, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 1}};
inline constexpr GUID kOtherIid = {0x6B1E0002, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 2}};
inline constexpr GUID kEventsIid = {0x6B1E0003, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 3}};

// A stack object with a visible reference count that supports error info for kSupportedIid.
struct error_object : ISupportErrorInfo {
  ULONG refs = 1;
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    if (out == nullptr) return E_POINTER;
    *out = nullptr;
    if (!same(riid, IID_IUnknown) && !same(riid, IID_ISupportErrorInfo)) return E_NOINTERFACE;
    *out = static_cast<ISupportErrorInfo*>(this);
    AddRef();
    return S_OK;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return ++refs; }
  ULONG STDMETHODCALLTYPE Release() override { return --refs; }
  HRESULT STDMETHODCALLTYPE InterfaceSupportsErrorInfo(REFIID riid) override {
    return same(riid, kSupportedIid) ? S_OK : S_FALSE;
  }
};


enum class color : int { red = 1, green = 2 };

inline VARIANT raw_of(VARTYPE vt, void* byref) {
  VARIANT v;
  VariantInit(&v);
  V_VT(&v) = vt;
  V_BYREF(&v) = byref;
  return v;
}

// The test groups: support_runtime_test.cpp (values, pointers, errors) and
// support_dispatch_test.cpp (Invoke, Scripting.Dictionary, connections, sinks, event arguments).
void run_value_tests();
void run_dispatch_tests();

}  // namespace support_test
