# Turns the JSON that `tlbkit inspect X.tlb --format json` gives for widl-compiled X.idl into the
# golden inputs ../X.json: drops widl's timestamps and adds what widl cannot compile (see README.md).
import json
def load(n):
    d=json.load(open(n+'.json'))
    d['custom']=[c for c in d.get('custom',[]) if not c['guid'].startswith('{DE77BA6')]
    if not d['custom']: del d['custom']
    return d
def find(d,name): return next(t for t in d['types'] if t['name']==name)
def save(d,n):
    open('../'+n+'.json','w').write(json.dumps(d,indent=1,ensure_ascii=False)+'\n')
d=load('types')
find(d,'Colour')['values'][1]['helpstring']='minus one (widl takes no attributes on enum values)'
find(d,'Colour')['values'][2]['flags']=['hidden']
for f in find(d,'Shape')['fields']:
    if f['name']=='weight': f['helpstring']='kilograms'; f['flags']=['readonly']
find(d,'Point')['fields'].append({"name":"later","memid":1073741826,"type":{"user":"Later","index":len(d['types'])},"offset":8})
d['types'].append({"kind":"alias","name":"Later","layout":{"size":4,"alignment":4,"vtableSize":0},"target":"I4"})
save(d,'types')
d=load('interfaces')
for f in find(d,'IChild')['functions']:
    if f['name']=='Custom': f['flags']=f.get('flags',[])+['usesgetlasterror','replaceable']
    if f['name']=='Defaults':
        for p in f['params']:
            if p['name']=='c': p['flags']=['in','optional','hasdefault']; p['default']={"vt":"R8","double":2.5}
save(d,'interfaces')
d=load('dispinterfaces')
ev=find(d,'Events'); ev['flags']=ev.get('flags',[])+['nonextensible']
for v in ev['properties']:
    if v['name']=='Count': v['helpstring']='how many'
save(d,'dispinterfaces')
d=load('coclasses')
m=find(d,'Funcs')
m['functions'][0]['entry']='GoldAdd'
m['constants']=[{"name":"Answer","memid":1610612738,"varkind":"const","type":"I4","value":{"vt":"I4","int":42},"helpstring":"the answer"}]
save(d,'coclasses')
d=load('library')
t=find(d,'IUsesImports')
t['helpstring']='tab\there, line\nbreak, quote " and back\\slash, \u20ac and \u00e9'
save(d,'library')
