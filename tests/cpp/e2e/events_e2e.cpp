// events_e2e.cpp — the generated event sinks and wrappers meeting at run time: the program makes
// the sinks tlbkit generates for tests/cpp/e2e/events_e2e.idl (a dispinterface and a vtable
// [source] interface), then calls them through the interfaces' own generated wrappers — so the
// dispinterface path goes wrapper → ::tlbkit::invoke → IDispatch::Invoke → the sink's on_invoke
// → the callback (DISPIDs, argument order, conversions, a by-reference argument, an exception
// turned into an HRESULT and back), and the vtable path wrapper → raw vtable slot → callback.
// No COM server is involved; it runs under Wine because the SDK functions it uses are Windows'
// (OLE Automation's VARIANT and BSTR functions). Built by tests/cpp/cpp.cmake. Layer: tests (e2e).
#include <cstdio>
#include <string>

#include "EventsE2E.h"

namespace {

int failures = 0;

// CHECK(cond): records and prints a failed check with its place; the program goes on.
#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);      \
      ++failures;                                                                \
    }                                                                            \
  } while (0)

void dispinterface_sink() {
  std::printf("-- dispinterface DTimerEvents: generated sink called through the generated wrappers\n");
  auto sink = ::tlbkit::make_sink<EventsE2E::Timer::events>();
  int ticks = 0;
  long count = 0;
  std::wstring label;
  double seconds = 0;
  EventsE2E::Phase phase{};
  std::wstring value;
  sink->on_Tick([&] { ++ticks; });
  sink->on_Elapsed([&](LONG c, ::tlbkit::bstr l, DOUBLE s) {
    count = c;
    label = l.wstr();
    seconds = s;
  });
  sink->on_Cancel([&](VARIANT_BOOL* cancel) {
    if (cancel) *cancel = VARIANT_TRUE;
  });
  sink->on_Changed([&](EventsE2E::Phase p, ::tlbkit::variant v) {
    phase = p;
    value = v.to_bstr().wstr();
  });

  // The sink answers QueryInterface for the dispinterface's IID; the generated DTimerEvents
  // wrappers then call its IDispatch::Invoke.
  EventsE2E::DTimerEventsPtr events = sink.as<EventsE2E::DTimerEvents>();
  CHECK(events);
  events->Tick();
  events->Tick();
  events->Elapsed(42, L"forty-two", 1.5);
  VARIANT_BOOL cancel = VARIANT_FALSE;
  events->Cancel(&cancel);
  events->Changed(EventsE2E::PhaseEnd, ::tlbkit::variant(L"done"));
  std::printf("Tick x2 -> %d ticks; Elapsed(42, forty-two, 1.5) -> %ld, %s, %g; Cancel -> %d; "
              "Changed(PhaseEnd, done) -> %d, %s\n",
              ticks, count, ::tlbkit::bstr(label).utf8().c_str(), seconds, cancel == VARIANT_TRUE,
              static_cast<int>(phase), ::tlbkit::bstr(value).utf8().c_str());
  CHECK(ticks == 2);
  CHECK(count == 42);
  CHECK(label == L"forty-two");
  CHECK(seconds == 1.5);
  CHECK(cancel == VARIANT_TRUE);
  CHECK(phase == EventsE2E::PhaseEnd);
  CHECK(value == L"done");

  // A callback's exception must not cross into the event source: the sink answers its HRESULT,
  // and the wrapper on the calling side throws it again.
  sink->on_Tick([] { throw ::tlbkit::com_error(E_INVALIDARG); });
  bool thrown = false;
  try {
    events->Tick();
  } catch (const ::tlbkit::com_error& e) {
    thrown = true;
    std::printf("a throwing callback: the caller caught hresult 0x%08lX (%s)\n",
                static_cast<unsigned long>(e.hresult()), e.what());
    CHECK(e.hresult() == E_INVALIDARG);
  }
  CHECK(thrown);

  // An unknown DISPID is DISP_E_MEMBERNOTFOUND.
  thrown = false;
  try {
    ::tlbkit::invoke(events.get(), 99, DISPATCH_METHOD, {});
  } catch (const ::tlbkit::com_error& e) {
    thrown = true;
    CHECK(e.hresult() == DISP_E_MEMBERNOTFOUND);
  }
  CHECK(thrown);
}

void vtable_sink() {
  std::printf("-- interface IDownloadEvents: generated vtable sink called through the generated wrappers\n");
  auto sink = ::tlbkit::make_sink<EventsE2E::Download::events>();
  long done = 0, total = 0;
  std::wstring path;
  EventsE2E::Phase phase{};
  sink->on_Progress([&](LONG d, LONG t) {
    done = d;
    total = t;
  });
  sink->on_Finished([&](BSTR p, EventsE2E::Phase ph) {
    path = p ? p : L"";
    phase = ph;
  });
  EventsE2E::IDownloadEventsPtr events = sink.as<EventsE2E::IDownloadEvents>();
  CHECK(events);
  events->Progress(3, 10);
  events->Finished(L"C:\\file.bin", EventsE2E::PhaseStart);
  std::printf("Progress(3, 10) -> %ld/%ld; Finished(C:\\file.bin, PhaseStart) -> %s, %d\n", done, total,
              ::tlbkit::bstr(path).utf8().c_str(), static_cast<int>(phase));
  CHECK(done == 3);
  CHECK(total == 10);
  CHECK(path == L"C:\\file.bin");
  CHECK(phase == EventsE2E::PhaseStart);

  // Not an interface it implements.
  CHECK(!sink.try_as<EventsE2E::DTimerEvents>());

  // A throwing callback: a failed HRESULT reaches the caller, whose wrapper throws.
  sink->on_Progress([](LONG, LONG) { throw ::tlbkit::com_error(E_ACCESSDENIED); });
  bool thrown = false;
  try {
    events->Progress(1, 1);
  } catch (const ::tlbkit::com_error& e) {
    thrown = true;
    std::printf("a throwing callback: the caller caught hresult 0x%08lX\n", static_cast<unsigned long>(e.hresult()));
    CHECK(FAILED(e.hresult()));
  }
  CHECK(thrown);
}

}  // namespace

int main() {
  if (FAILED(CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED))) {
    std::printf("CoInitializeEx failed\n");
    return 1;
  }
  try {
    dispinterface_sink();
    vtable_sink();
  } catch (const std::exception& e) {
    std::printf("unexpected exception: %s\n", e.what());
    ++failures;
  }
  CoUninitialize();
  std::printf("%s: %d failed checks\n", failures ? "FAILED" : "PASSED", failures);
  return failures ? 1 : 0;
}
